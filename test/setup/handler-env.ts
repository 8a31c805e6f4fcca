import { inject } from 'vitest';
import { handlerEnvironment } from '#local/handler-environment.ts';

// Tests that import shared modules directly see the same configuration the
// local stack gives its handlers, so both talk to the same emulators.
Object.assign(process.env, handlerEnvironment(inject('localStack'), ['*']));
