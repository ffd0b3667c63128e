import { randomBytes, randomUUID } from 'node:crypto';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A tree small enough to write by hand: string leaves, nested objects, arrays repeat the element. */
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

function render(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => render(name, v)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => render(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** One root element; `xmlns` is put on the root, as AWS does. */
export function xmlDocument(root: string, body: XmlNode, xmlns?: string): string {
  const inner = Object.entries(body)
    .map(([k, v]) => render(k, v))
    .join('');
  const open = xmlns ? `<${root} xmlns="${xmlns}">` : `<${root}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${inner}</${root}>`;
}

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** STS and IAM answer every error in this shape (query protocol); the SDK reads Code into `name`. */
export function stsErrorXml(
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string,
  xmlns: string = STS_XMLNS,
): string {
  return xmlDocument(
    'ErrorResponse',
    { Error: { Type: type, Code: code, Message: message }, RequestId: requestId },
    xmlns,
  );
}

/** S3's error body has no namespace and carries extra fields per code (e.g. the StringToSign). */
export function s3ErrorXml(
  code: string,
  message: string,
  requestId: string,
  extra: XmlNode = {},
): string {
  return xmlDocument('Error', {
    Code: code,
    Message: message,
    ...extra,
    RequestId: requestId,
    HostId: hostId(),
  });
}

export function newRequestId(): string {
  return randomUUID();
}

/** S3's x-amz-id-2: opaque base64, different per request. */
export function hostId(): string {
  return randomBytes(48).toString('base64');
}
