// A template's styles with the house styles filled in, so every stage can ask for any role.
import type { CharacterStyle, ParagraphStyle } from './layout-schema.ts';
import { DEFAULT_CHARACTER_STYLES, DEFAULT_PARAGRAPH_STYLES } from './layout-schema.ts';
import type { Template } from './template.ts';

export type ResolvedStyles = {
  paragraph: Record<string, ParagraphStyle>;
  character: Record<string, CharacterStyle>;
};

export function resolveStyles(template: Template): ResolvedStyles {
  return {
    paragraph: { ...DEFAULT_PARAGRAPH_STYLES, ...template.styles.paragraph },
    character: { ...DEFAULT_CHARACTER_STYLES, ...template.styles.character },
  };
}
