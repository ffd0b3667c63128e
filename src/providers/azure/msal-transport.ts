import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { nodeHttpRequest } from '../../http/node-fetch.js';
import { ownAgentFor } from '../../runner/proxy.js';

/**
 * MSAL's network client over the action's transport (src/http/node-fetch.ts): the agent the one
 * proxy rule chooses, the attempt's deadline, answers capped in size. MSAL reads a JSON body; an
 * answer that is not JSON (a proxy's page) is said as such, with its status.
 */
export function msalTransport(
  authority: string,
  signal: AbortSignal,
  onTransportError: (err: unknown) => void,
): INetworkModule {
  const agent = ownAgentFor(authority);
  const send = async <T>(
    method: string,
    url: string,
    options: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> => {
    const res = await nodeHttpRequest(new URL(url), {
      method,
      headers: options?.headers ?? {},
      body: options?.body === undefined ? undefined : Buffer.from(options.body, 'utf8'),
      agent,
      signal,
    }).catch((err: unknown) => {
      onTransportError(err);
      throw err;
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of res.rawHeaders) headers[name.toLowerCase()] = value;
    let body: T;
    try {
      body = JSON.parse(res.body.toString('utf8')) as T;
    } catch {
      // MSAL would report only that the metadata could not be read.
      const err = new Error(
        `${new URL(url).origin} answered ${res.status} ${res.statusText} with a body that is not JSON (a proxy's page?)`,
      );
      onTransportError(err);
      throw err;
    }
    return { headers, body, status: res.status };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
