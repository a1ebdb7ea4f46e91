import { keyFieldRule } from './keyFieldRule';

export const unknownDiscipline = keyFieldRule('unknown-discipline', 'discipline', (c) => c.disciplines);
