// Usage text: the overview (`opmodel --help`) and one page per command (`opmodel check --help`).
import { VERSION } from './version';

interface CommandHelp {
  usage: string;
  summary: string;
  options: [flag: string, text: string][];
}

export const COMMAND_HELP: Record<string, CommandHelp> = {
  check: {
    usage: 'opmodel check [paths..] [--format text|json|sarif|github] [--fix] [--changed-since REV] [--baseline FILE]',
    summary: 'Checks every Markdown file under the paths (default "."). Each folder with an opmodel.json is a framework of its own; a client framework is checked against the framework it extends.',
    options: [
      ['-f, --format FORMAT', 'text (default), json, sarif or github (workflow annotations)'],
      ['--fix', 'apply the safe fixes (spelling only) in place, each file written atomically'],
      ['--changed-since REV', 'only findings in the files changed since the git revision REV'],
      ['--baseline FILE', 'only findings that are not in FILE (an earlier --format json or sarif output)'],
      ['-q, --quiet', 'text format: no summary line on stderr'],
    ],
  },
  diff: {
    usage: 'opmodel diff [BASE] [HEAD] [--dir DIR] [--format text|markdown|json] [--fail-on broken|none]',
    summary: 'Compares two versions of a framework (git revisions or two folders): elements added, removed, renamed and changed, and the references a change breaks.',
    options: [
      ['-d, --dir DIR', 'the framework folder in the repository'],
      ['-f, --format FORMAT', 'text (default), markdown or json'],
      ['--fail-on WHEN', 'broken (default): exit 1 when the change breaks references; none: never'],
      ['--link-base URL', 'markdown: the URL file links start with'],
    ],
  },
  list: {
    usage: 'opmodel list [dir] [--format text|json]',
    summary: 'Lists every element in scope: ID, title, system, discipline, file, references; a client\'s list marks framework and tailored elements.',
    options: [['-f, --format FORMAT', 'text (default) or json']],
  },
  matrix: {
    usage: 'opmodel matrix [dir] [--raci] [--format text|markdown|csv|json]',
    summary: 'Prints the systems × disciplines grid and the leadership parts, or with --raci roles × elements.',
    options: [
      ['--raci', 'roles × elements: who is accountable, responsible, consulted and informed'],
      ['-f, --format FORMAT', 'text (default), markdown, csv or json'],
    ],
  },
  show: {
    usage: 'opmodel show ID [--dir dir] [--format text|json]',
    summary: 'Prints an element: its definition, which framework defines it (and whether it is tailored), its relations and every reference to it.',
    options: [
      ['-d, --dir DIR', 'the framework to look in (default: the one at or above the current folder)'],
      ['-f, --format FORMAT', 'text (default) or json'],
    ],
  },
  build: {
    usage: 'opmodel build [dir] --out DIR [--force]',
    summary: 'Builds the playbook site: a page per element, system, discipline and guide, the matrix, search and a printable handout.',
    options: [
      ['-o, --out DIR', 'the folder to write the site to (replaced only when opmodel built it)'],
      ['--force', 'build even when the framework has errors'],
    ],
  },
  assess: {
    usage: 'opmodel assess [files..] [--compare OLDER.yaml] [--format text|markdown|json|csv]',
    summary: 'Reports maturity assessments (YAML under assessments/): scores by element, system and discipline, the gaps to target and the roadmap; with --compare, what moved since an older round.',
    options: [
      ['-c, --compare FILE', 'an older assessment to compare the newest (or the one named) with'],
      ['-d, --dir DIR', 'the framework whose assessments to report (default: the current folder)'],
      ['-f, --format FORMAT', 'text (default), markdown, json or csv'],
    ],
  },
  lsp: {
    usage: 'opmodel lsp [--stdio | --socket PORT | --node-ipc]',
    summary: 'Runs the language server: the same engine for Neovim, Helix, Zed, Emacs and Sublime Text.',
    options: [
      ['--stdio', 'talk over stdin and stdout (default)'],
      ['--socket PORT', 'listen on 127.0.0.1:PORT'],
      ['--node-ipc', 'talk over Node IPC (a client that starts the server as a Node process)'],
    ],
  },
  init: {
    usage: 'opmodel init [dir] --client NAME [--family KEY]',
    summary: 'Starts a client playbook in dir (default "."): opmodel.json extending the framework, a README index page, example and tailored elements, .gitignore and a CI workflow. Never overwrites a file.',
    options: [
      ['--client NAME', 'the client\'s name, e.g. "Acme Bank" (brands the site)'],
      ['--family KEY', 'the ID family for the client\'s own elements (default: from the name, e.g. ACME)'],
    ],
  },
};

export function overviewHelp(): string {
  const width = Math.max(...Object.values(COMMAND_HELP).map((c) => c.usage.length));
  return `opmodel ${VERSION} — check, explore and publish an opmodel management framework

Usage:
${Object.values(COMMAND_HELP).map((c) => `  ${c.usage.padEnd(width)}`).join('\n')}

Run "opmodel COMMAND --help" for a command's options.
Exit codes: 0 no errors, 1 errors found, 2 bad usage or a bad opmodel.json.
`;
}

export function commandHelp(name: string): string {
  const c = COMMAND_HELP[name]!;
  const w = Math.max(...c.options.map(([f]) => f.length));
  return `Usage: ${c.usage}\n\n${c.summary}\n\nOptions:\n${c.options.map(([f, t]) => `  ${f.padEnd(w)}  ${t}`).join('\n')}\n  ${'-h, --help'.padEnd(w)}  this text\n`;
}
