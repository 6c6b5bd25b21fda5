/**
 * Where `fulfiller play` lives. The playground is its own bundle (dist/lib/playground/play.js),
 * so that none of it loads with the library or `fulfiller serve`; scripts/bundle.mjs points
 * this function there. From the sources, it is the module next door.
 */
export function playgroundEntry(): string {
  return new URL('../playground/play-command.js', import.meta.url).href;
}
