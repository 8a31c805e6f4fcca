import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DYNAMODB_CLIENT_TIMEOUTS } from './timeouts.ts';

/**
 * One document client per container. The endpoint comes from the standard
 * AWS_ENDPOINT_URL_DYNAMODB variable, which the local stack sets to DynamoDB Local.
 */
export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ ...DYNAMODB_CLIENT_TIMEOUTS }), {
  marshallOptions: { removeUndefinedValues: true },
});
