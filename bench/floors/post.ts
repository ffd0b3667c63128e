/**
 * One POST over node:http(s), as the peers' HTTP client (@actions/http-client) sends it: the no-SDK
 * floors use it so that what they measure is the calls, not a fetch implementation.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
