/**
 * The id at the end of a resource name (`projects/p/…/pages/abc` → `abc`), or the value itself
 * when it is a bare id. Exports name things by id in `name` and by display name in references.
 */
export function lastSegment(name: string | undefined): string | undefined {
  if (name === undefined || name === '') return undefined;
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Whether a reference is a resource name (`projects/…/flows/<id>`) rather than a display name. */
export function isResourceName(reference: string): boolean {
  return reference.startsWith('projects/');
}
