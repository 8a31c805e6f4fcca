import { Argument, Option, type Command } from 'commander';
import { addMember, changeRole, listMembers, removeMember, type Member, type Role } from '../api/identity.ts';
import type { Context } from '../context.ts';
import { CliError } from '../output/errors.ts';
import { table } from '../output/render.ts';
import { CUSTOMER_OPTION } from './options.ts';

const ROLES = ['admin', 'member'] as const;

export function registerUsers(program: Command, contexts: (command: Command) => Context): void {
  const users = program.command('users').description("a customer's users and their roles (customer admins, platform admins)");

  users
    .command('list')
    .description("list a customer's users")
    .option(...CUSTOMER_OPTION)
    .action(async (options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      const customerId = await context.customerId(options.customer);
      const members = await allMembers(context, customerId);
      context.printer.result({ users: members, count: members.length }, ({ users: items }) =>
        items.length === 0
          ? `No users in ${customerId}.`
          : table(
              ['USER ID', 'EMAIL', 'ROLE', 'DEFAULT', 'ADDED'],
              items.map((m) => [m.user_id, m.email, m.role, m.is_default ? 'yes' : '', m.added_at.slice(0, 10)]),
            ),
      );
    });

  users
    .command('add')
    .description('add a user by email: a new one is invited (Cognito mails a temporary password)')
    .argument('<email>')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).default('member'))
    .option(...CUSTOMER_OPTION)
    .action(async (email: string, options: { role: Role; customer?: string }, command: Command) => {
      const context = contexts(command);
      const member = await addMember(context.client(), await context.customerId(options.customer), email, options.role);
      context.printer.result(member, (m) => `${m.email} (${m.user_id}) is ${m.role === 'admin' ? 'an admin' : 'a member'} of ${m.customer_id}.`);
    });

  users
    .command('remove')
    .description('remove a user from a customer (a user left with no customer is disabled)')
    .argument('<user>', 'user id or email')
    .option(...CUSTOMER_OPTION)
    .action(async (user: string, options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      const customerId = await context.customerId(options.customer);
      const member = await findMember(context, customerId, user);
      await removeMember(context.client(), customerId, member.user_id);
      context.printer.result({ customer_id: customerId, user_id: member.user_id, email: member.email, removed: true }, () => `${member.email} removed from ${customerId}.`);
    });

  users
    .command('role')
    .description("change a user's role (a customer keeps at least one admin)")
    .argument('<user>', 'user id or email')
    .addArgument(new Argument('<role>').choices(ROLES))
    .option(...CUSTOMER_OPTION)
    .action(async (user: string, role: Role, options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      const customerId = await context.customerId(options.customer);
      const member = await findMember(context, customerId, user);
      const changed = await changeRole(context.client(), customerId, member.user_id, role);
      context.printer.result(changed, (m) => `${m.email} is now ${m.role === 'admin' ? 'an admin' : 'a member'} of ${customerId}.`);
    });
}

async function allMembers(context: Context, customerId: string): Promise<Member[]> {
  const members: Member[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listMembers(context.client(), customerId, nextToken);
    members.push(...page.users);
    nextToken = page.next_token;
  } while (nextToken);
  return members;
}

/** A member by user id or (case-insensitive) email. */
async function findMember(context: Context, customerId: string, user: string): Promise<Member> {
  const wanted = user.toLowerCase();
  const member = (await allMembers(context, customerId)).find((m) => m.user_id === user || m.email.toLowerCase() === wanted);
  if (!member) throw new CliError(`${user} is not a user of ${customerId}: see portico users list --customer ${customerId}`);
  return member;
}
