import { createHash } from 'node:crypto';
import { BUCKET_CORS_RULE, BUCKET_LIFECYCLE, CUSTOMER_TAG_KEYS, TEMPLATE_OUTPUTS, TEMPLATE_PARAMETERS } from '#shared/customers/template-contract.ts';

/**
 * The local stand-in for the customer template's version. In AWS it is the hash
 * of the synthesized template asset; the local provisioner applies the template's
 * contract rather than the template, so locally the version is the hash of that
 * contract, computed the same way (SHA-256, hex): it changes when what a local
 * customer stack holds changes.
 */
export const LOCAL_TEMPLATE_VERSION = createHash('sha256')
  .update(JSON.stringify({ TEMPLATE_PARAMETERS, TEMPLATE_OUTPUTS, BUCKET_LIFECYCLE, BUCKET_CORS_RULE, CUSTOMER_TAG_KEYS }, undefined, 2))
  .digest('hex');

/**
 * Where the local provisioner says a template version lives. The version the
 * local stack starts with keeps the plain name; another one (switched by the
 * control server's test hook) is named by its version, as CDK names assets by hash.
 */
export function localTemplateUrl(cloudFormationEndpoint: string, version: string): string {
  const name = version === LOCAL_TEMPLATE_VERSION ? 'customer' : `customer-${version}`;
  return `${cloudFormationEndpoint}/templates/${name}.template.json`;
}
