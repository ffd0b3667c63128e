import { isLoopbackHost } from '../../policy/issuer.js';

/** Why an endpoint may not be used: not an http(s) URL, or plain http off loopback. */
export function endpointProblem(value: string): 'not-url' | 'clear-text' | undefined {
  const url = URL.parse(value) ?? undefined;
  if (!url || !/^https?:$/.test(url.protocol)) return 'not-url';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'clear-text';
  return undefined;
}
