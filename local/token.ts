/**
 * `npm run token -- EMAIL PASSWORD`: prints an ID token from the local
 * Cognito, for `Authorization: Bearer <token>`.
 */
import { readFileSync } from 'node:fs';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStackInfo } from './stack.ts';

const [email, password] = process.argv.slice(2);
if (!email || !password) {
  console.error('usage: npm run token -- EMAIL PASSWORD');
  process.exit(2);
}
const stateFile = process.env.PORTICO_STACK_FILE ?? '.local/stack.json';
let info: LocalStackInfo;
try {
  info = JSON.parse(readFileSync(stateFile, 'utf8')) as LocalStackInfo;
} catch {
  console.error(`${stateFile} not found: start the local stack first with \`npm start\`.`);
  process.exit(1);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const cognito = new CognitoIdentityProviderClient({
  endpoint: info.cognito.endpoint,
  region: info.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
try {
  const result = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: info.cognito.client_id,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (!result.AuthenticationResult?.IdToken) {
    console.error(`Sign-in needs a further step: ${result.ChallengeName ?? 'unknown challenge'}`);
    process.exit(1);
  }
  console.log(result.AuthenticationResult.IdToken);
} catch (error) {
  console.error(`Sign-in failed: ${(error as Error).message}`);
  process.exit(1);
}
