import type { DocumentNode } from 'graphql';

/**
 * Values kept per parsed document and operation name, for as long as the document lives: Yoga's parse cache hands
 * every request that sends the same text the same document, and bounds how many documents there are.
 */
export class PerOperation<T> {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, T>>();

  get(document: DocumentNode, operationName: string | null | undefined): T | undefined {
    return this.byDocument.get(document)?.get(operationName ?? '');
  }

  set(document: DocumentNode, operationName: string | null | undefined, value: T): T {
    let byName = this.byDocument.get(document);
    if (!byName) this.byDocument.set(document, (byName = new Map()));
    byName.set(operationName ?? '', value);
    return value;
  }
}
