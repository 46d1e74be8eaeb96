/** Fills `{{name}}` placeholders; an unknown placeholder is left as written so the author sees it. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
