import { Argument, type Command } from 'commander';
import type { Context } from '../context.ts';
import { completionScript } from '../output/completion.ts';

export function registerCompletion(program: Command, contexts: (command: Command) => Context): void {
  program
    .command('completion')
    .description('print a shell completion script: source <(portico completion bash)')
    .addArgument(new Argument('<shell>').choices(['bash', 'zsh']))
    .action((shell: 'bash' | 'zsh', _options: unknown, command: Command) => {
      contexts(command).io.stdout.write(completionScript(program, shell));
    });
}
