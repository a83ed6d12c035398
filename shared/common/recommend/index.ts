/** On-device recommendations: TF-IDF (English words, Chinese bigrams) over the catalogue, with reasons. */
export * from './schemas';
export { buildCatalogueIndex, type CatalogueIndex } from './tfidf';
export { stem, termsOf } from './terms';
export {
  DEFAULT_EMBEDDING_WEIGHT,
  DEFAULT_LIMIT,
  FIELD_WEIGHTS,
  cosine,
  itemText,
  profileText,
  recommend,
  recommendWithEmbeddings,
  scoreCatalogue,
  type EmbedFn,
  type RecommendOptions,
  type ScoredCatalogue,
} from './recommend';
export { parseCsv, toCsv, type CsvParseResult } from './csv';
export { CATALOGUE_CSV_COLUMNS, catalogueToCsv, parseCatalogueCsv, type CatalogueImport } from './catalogue-csv';
