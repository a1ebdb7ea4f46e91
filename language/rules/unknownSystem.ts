import { keyFieldRule } from './keyFieldRule';

export const unknownSystem = keyFieldRule('unknown-system', 'system', (c) => c.systems);
