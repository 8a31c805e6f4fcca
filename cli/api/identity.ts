/**
 * Typed views of `/me` and a customer's members (bodies typed by client/schema.ts).
 */
import { unwrap, type PorticoClient, type components, type paths } from '#client/index.ts';

type S = components['schemas'];
export type Profile = S['Profile'];
export type Member = S['Member'];
export type MemberPage = paths['/customers/{customer_id}/users']['get']['responses'][200]['content']['application/json'];
export type Role = S['MembershipRole'];

export async function myProfile(client: PorticoClient): Promise<Profile> {
  return unwrap(await client.GET('/me'));
}

export async function listMembers(client: PorticoClient, customerId: string, nextToken?: string): Promise<MemberPage> {
  const query = nextToken ? { next_token: nextToken } : {};
  return unwrap(await client.GET('/customers/{customer_id}/users', { params: { path: { customer_id: customerId }, query } }));
}

export async function addMember(client: PorticoClient, customerId: string, email: string, role: Role): Promise<Member> {
  return unwrap(await client.POST('/customers/{customer_id}/users', { params: { path: { customer_id: customerId } }, body: { email, role } }));
}

export async function changeRole(client: PorticoClient, customerId: string, userId: string, role: Role): Promise<Member> {
  return unwrap(
    await client.PATCH('/customers/{customer_id}/users/{user_id}', { params: { path: { customer_id: customerId, user_id: userId } }, body: { role } }),
  );
}

export async function removeMember(client: PorticoClient, customerId: string, userId: string): Promise<unknown> {
  return unwrap(await client.DELETE('/customers/{customer_id}/users/{user_id}', { params: { path: { customer_id: customerId, user_id: userId } } }));
}
