import { schema } from '../src/schema/index.ts';
const t = schema.getType('ForbiddenError') as any;
console.log(String(t.getFields().message.resolve).slice(0, 300));
