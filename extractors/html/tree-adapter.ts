import { adapter } from 'parse5-htmlparser2-tree-adapter';

/**
 * cheerio's parse5 tree adapter, but recording only where a node starts. The extractor reads
 * nothing of a node's location but its start line (lineOf); the stock adapter copies the whole
 * location object again at every end tag and every appended run of text, which cost a fifth of
 * parsing time and much of the garbage. parse5 only ever reads locations back to update them,
 * never to build the tree, so the tree is the same.
 */
export const startLineAdapter: typeof adapter = {
  ...adapter,
  updateNodeSourceCodeLocation() {
    // End positions are not kept.
  },
};
