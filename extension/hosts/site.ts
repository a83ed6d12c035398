/** What the panel mounting code needs to know about one host site. */
export interface SiteDefinition {
  id: 'gmail' | 'hubspot';
  /** The element whose appearance means the app has rendered: the panel mounts once it exists. */
  anchor: readonly string[];
}
