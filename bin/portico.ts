#!/usr/bin/env node
import { buildApp } from '#lib/app.ts';

const { app } = buildApp();
app.synth();
