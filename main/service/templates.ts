// The templates a user can pick: the built-in ones and, from CATALOG_TEMPLATES, their own.
import { listTemplates as listAll } from '../engine/templates/load-template.ts';
import type { Template } from '../engine/templates/template.ts';
import { userTemplatesDir } from './source-policy.ts';

export const listTemplates = (): Promise<Template[]> => listAll(userTemplatesDir());
