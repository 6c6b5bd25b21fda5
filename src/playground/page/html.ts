import { h } from 'preact';
import htm from 'htm';

/**
 * Templates for the page: htm reads tagged template literals into Preact elements, so the page
 * needs no compile step of its own beyond esbuild's bundling, and text is always escaped.
 */
export const html = htm.bind(h);
