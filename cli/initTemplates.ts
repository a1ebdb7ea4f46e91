// The files `opmodel init` writes into a new client repository. Names and text come from the
// client's name and family key only; every string that reaches YAML or JSON is quoted.

export interface InitOptions {
  client: string;
  family: string;
}

const yamlString = (s: string) => JSON.stringify(s);

export function initFiles(o: InitOptions): [path: string, text: string][] {
  const title = `${o.client}: Operating Model Playbook`;
  const config = {
    $schema: './node_modules/opmodel/schemas/opmodel.schema.json',
    extends: 'opmodel',
    families: { [o.family]: { title: `${o.client} practices` } },
    systems: [{ key: 'first-line-management', families: ['FLM', o.family] }],
    scope: { exclude: [] as string[] },
    site: { title, subtitle: `Prepared for ${o.client} with the opmodel framework` },
  };
  return [
    ['opmodel.json', JSON.stringify(config, null, 2) + '\n'],
    ['README.md', readme(o, title)],
    [`elements/${o.family}1.md`, exampleElement(o)],
    ['elements/FLM3.md', tailoredElement(o)],
    ['.gitignore', 'node_modules/\nsite/\n'],
    ['.github/workflows/opmodel.yml', workflow()],
  ];
}

function readme(o: InitOptions, title: string): string {
  return `---
title: ${yamlString(title)}
type: overview
summary: ${yamlString(`How ${o.client} runs its operation: the opmodel elements it adopts, how it tailors them, and its own practices.`)}
---

# ${title}

This repository is ${o.client}'s operating model playbook. It builds on the opmodel framework
instead of copying it: the framework's elements are read from the installed \`opmodel\`
package, and only what is specific to ${o.client} lives here.

## What is where

- \`opmodel.json\` says which framework this playbook extends (\`"extends": "opmodel"\`), which of
  its elements are in scope (\`scope\`: add families or IDs to \`exclude\`, or list what to
  \`include\`), the ${o.family} family for ${o.client}'s own elements, and the title of the site.
- \`elements/\` holds ${o.client}'s own elements (IDs of the ${o.family} family, from ${o.family}1 up) and the framework
  elements ${o.client} tailors. A file whose \`id\` is a framework ID, such as \`elements/FLM3.md\`,
  replaces that element in this playbook; whatever its front matter leaves out (title, system,
  discipline, relations) still comes from the framework.

## Working on it

\`\`\`sh
npm ci                         # installs opmodel, as recorded in package-lock.json
npx opmodel check              # problems, with file and line; exit 1 on errors
npx opmodel build --out site   # the playbook site; open site/index.html
\`\`\`

The CI workflow in \`.github/workflows/opmodel.yml\` runs both on every push and pull request.
`;
}

function exampleElement(o: InitOptions): string {
  return `---
id: ${o.family}1
title: Shift Handover
type: element
system: first-line-management
discipline: processes-procedures
summary: ${yamlString(`How ${o.client}'s service desk teams pass open work, risks and promises from one shift to the next.`)}
cadence: "At every shift change"
related: [FLM3]
---

# ${o.family}1 · Shift Handover

An example of an element that is ${o.client}'s own: it has an ID of the ${o.family} family, a place in
the grid (system and discipline) and relations to framework elements, such as FLM3 for the
meeting rhythm it belongs to. Replace this text with the practice as ${o.client} runs it.

## What good looks like
- The outgoing lead writes the handover before leaving, in the agreed template.
- Every open priority ticket, promised call-back and known risk has a named owner on the next shift.

## Key practices
- A five-minute spoken handover at the start of the shift, reading from the written one.
- Handover notes are kept for a month and sampled at the monthly team review.
`;
}

function tailoredElement(o: InitOptions): string {
  return `---
id: FLM3
summary: ${yamlString(`How ${o.client}'s service desk teams run their meeting rhythm: a daily huddle, a weekly team meeting and a monthly review.`)}
cadence: "Daily 10-minute huddle at 08:30; team meeting on Tuesdays; monthly review in the first week"
---

# FLM3 · Meetings Management at ${o.client}

This file tailors the framework's FLM3 for ${o.client}. Its front matter gives only what differs
(the summary and the cadence); the title, system, discipline and relations come from the framework.
Describe here how ${o.client} runs the practice, and what it does differently from the framework and why.

## ${o.client}'s rhythm
- **Daily huddle** at 08:30, ten minutes, standing, led by the team lead on shift.
- **Team meeting** on Tuesdays, thirty minutes, with the weekly scorecard.
- **Monthly review** in the first week of the month, feeding the operational meeting with the client.
`;
}

function workflow(): string {
  return `# Checks the playbook and builds its site on every push and pull request.
name: opmodel
on:
  push:
  pull_request:
jobs:
  playbook:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx opmodel check --format github
      - run: npx opmodel build --out site
      - uses: actions/upload-artifact@v4
        with:
          name: playbook-site
          path: site
`;
}

/** The default family key: the first word of the client's name, in capitals ("Acme Bank" -> ACME). */
export function familyFromName(client: string): string | undefined {
  const first = client.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').toUpperCase().match(/[A-Z][A-Z0-9]*/)?.[0];
  return first ? first.slice(0, 6) : undefined;
}
