/** How many files of each top folder the model does not describe (`testCases`, `generators`, `playbooks`…). */
export function otherFiles(paths: readonly string[], modelled: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of paths) {
    const top = path.split('/')[0]!;
    if (!modelled.includes(top)) counts[top] = (counts[top] ?? 0) + 1;
  }
  return counts;
}
