/** The document store on MongoDB, and its options. */
export { getMongoDocumentStore, type MongoDocumentStoreOptions } from './mongoDocumentStore.js';
