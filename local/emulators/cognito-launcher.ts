/**
 * Runs cognito-local the way its own `lib/bin/start.js` does, through the
 * same services `createDefaultServer` (lib/server/defaults.js) builds, with
 * two differences:
 * - the messages Cognito sends (invitations with a temporary password,
 *   codes) are written as files to PORTICO_MAIL_DIR instead of the console;
 * - sign-in follows Cognito's rules where cognito-local is looser
 *   (cognito-strict-sign-in.ts).
 *
 *   node --import tsx cognito-launcher.ts <state dir>    (PORT, HOST as for cognito-local)
 *
 * It stops when its parent does: the parent holds its stdin open.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { loadConfig } from 'cognito-local/lib/server/config.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DateClock, LambdaService, TriggersService } from 'cognito-local/lib/services/index.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { CryptoService } from 'cognito-local/lib/services/crypto.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { MailedMessages } from './cognito-mail.ts';
import { strictSignIn } from './cognito-strict-sign-in.ts';

// cognito-local's own dependencies, resolved from where it is installed.
const requireFromCognitoLocal = createRequire(import.meta.resolve('cognito-local'));
const pino = requireFromCognitoLocal('pino') as (options: object, destination: unknown) => Logger;
const AWS = requireFromCognitoLocal('aws-sdk') as { Lambda: new (config: unknown) => ConstructorParameters<typeof LambdaService>[1] };

async function createPorticoCognitoServer(logger: Logger, mailDir: string) {
  const configDirectory = '.cognito';
  const dataDirectory = `${configDirectory}/db`;
  const ctx = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(configDirectory));
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognitoServiceFactory = new CognitoServiceFactoryImpl(dataDirectory, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory));
  const cognito = await cognitoServiceFactory.create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)),
    new CryptoService(config.KMSConfig),
  );
  const services: Services = {
    clock,
    cognito,
    config,
    messages: new MailedMessages(triggers, cognito, mailDir),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  return createServer(strictSignIn(Router(services), services), logger, config.ServerConfig, services);
}

const [stateDir] = process.argv.slice(2);
const mailDir = process.env.PORTICO_MAIL_DIR;
if (!stateDir || !mailDir) {
  console.error('usage: PORTICO_MAIL_DIR=<dir> PORT=<port> node --import tsx cognito-launcher.ts <state dir>');
  process.exit(2);
}
// The user database holds passwords: nothing it writes is readable by others.
process.umask(0o077);
process.chdir(stateDir);
process.stdin.on('end', () => process.exit(0)).resume();

// Errors only, on stderr: the parent keeps the last lines to explain a crash.
const logger = pino({ level: process.env.DEBUG ? 'debug' : 'error' }, process.stderr);
try {
  const server = await createPorticoCognitoServer(logger, mailDir);
  const address = (await server.start()).address();
  if (address && typeof address === 'object') console.log(`Cognito Local running on http://${address.address}:${address.port}`);
} catch (error) {
  // One plain line: the parent shows it as the reason start-up failed.
  console.error(`cognito-local could not start in ${stateDir}: ${(error as Error).message}`);
  process.exit(1);
}
