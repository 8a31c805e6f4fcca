// Imported first by run.ts: the SDK's notice about Node 20 would otherwise be printed in the middle of the report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
