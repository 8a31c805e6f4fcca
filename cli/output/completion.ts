import type { Command } from 'commander';

/** Each command path ('' for the top) and the words that may follow it: subcommands, then options. */
export function completionTable(program: Command): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  const walk = (command: Command, path: string) => {
    const subcommands = command.commands.map((c) => c.name());
    const options = [...command.options, ...(path === '' ? [] : program.options)].flatMap((o) => [o.long, o.short]).filter((f): f is string => !!f);
    entries.set(path, [...subcommands, ...options, '--help']);
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return entries;
}

/** A bash completion script (zsh runs it through bashcompinit) generated from the command tree. */
export function completionScript(program: Command, shell: 'bash' | 'zsh'): string {
  const name = program.name();
  const cases = [...completionTable(program)]
    .map(([path, words]) => `    '${path}') echo '${words.join(' ')}' ;;`)
    .join('\n');
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const body = `${fn}_words() {
  case "$1" in
${cases}
  esac
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case " $(${fn}_words "$path") " in
      *" $word "*) case "$word" in -*) ;; *) path="\${path:+$path }$word" ;; esac ;;
    esac
  done
  COMPREPLY=($(compgen -W "$(${fn}_words "$path")" -- "$cur"))
}
complete -o default -F ${fn} ${name}
`;
  const header =
    shell === 'zsh'
      ? `# ${name} completion for zsh: add to ~/.zshrc:  source <(${name} completion zsh)\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n`
      : `# ${name} completion for bash: add to ~/.bashrc:  source <(${name} completion bash)\n`;
  return `${header}${body}`;
}
