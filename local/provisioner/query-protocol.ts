/**
 * Just enough of the AWS Query protocol for the CloudFormation calls Portico
 * makes: form-encoded requests in, XML responses out.
 */
export type QueryParams = Record<string, string>;

export function parseForm(body: string): QueryParams {
  return Object.fromEntries(new URLSearchParams(body));
}

/** `Parameters.member.1.ParameterKey=A&Parameters.member.1.ParameterValue=1` → `[{ParameterKey:'A', ParameterValue:'1'}]`. */
export function memberList(params: QueryParams, list: string): Record<string, string>[] {
  const members = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${list}\\.member\\.(\\d+)\\.(.+)$`);
  for (const [key, value] of Object.entries(params)) {
    const match = pattern.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const entry = members.get(index) ?? {};
    entry[match[2] as string] = value;
    members.set(index, entry);
  }
  return [...members.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type XmlValue = string | number | XmlValue[] | { [key: string]: XmlValue };

/** Objects become elements, arrays become `<member>` lists. */
export function toXml(value: XmlValue): string {
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `<${k}>${toXml(v)}</${k}>`).join('');
  return escapeXml(String(value));
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

export function resultXml(action: string, result: XmlValue, requestId: string): string {
  return `<${action}Response xmlns="${NS}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function errorXml(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
