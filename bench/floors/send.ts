/**
 * One request over node:http(s), as the peers' HTTP client (@actions/http-client) sends it: the
 * floors use it so that what they measure is the calls, not a fetch implementation.
 */
import { request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  text: string;
}

export function send(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  // https (and tls with it) only when asked for, as the action loads it: the emulators are http.
  const request = url.startsWith('https:')
    ? process.getBuiltinModule('node:https').request
    : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
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

export const post = (url: string, body: string, headers: Record<string, string>) =>
  send('POST', url, headers, body);

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
