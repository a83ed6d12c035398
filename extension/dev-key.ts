/**
 * The public key of development builds, so the unpacked extension has the same id on every machine
 * (`chrome-extension://anakpbjfdpnjhcmjhbemojljchgbgjni`): the companion backend allows exactly that origin by CORS,
 * and tests and `npm start` configure it without first launching the browser. Store builds (`CLOSER_STORE_BUILD=1`)
 * leave the key out; the Chrome Web Store assigns the id. Only the public half exists; nothing is signed with it.
 */
export const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmusi+aV/cjWTBahYVX8EpLr6j9OT4kja2FowugSCXjcemHAEjywvkJdww2VXTFS75YvCadl+e5NRd6EdcZ7Rf/ycPgcoIOFJ3OZByEJoKdRHgNoMGR9AD0NTiqEKVkJYIsEh7zFUHCi9pNlRJYKsVwQhS/2GfjhqhObPvZG6nvTr83Eej+rzVdx7qhrt3DROu902asKdDI5qZjwfL3SG89TQPFZPh4Bkv4igmPjpDfDsJBcZJbmk+k4b4Tvj0UQw1Ot4fyNpWuLCRrbS198NomkuMUFfrhixLm8HCQYQzSKPIEkx2nTQFuEmeT6UDqVgT+fU56WxEfBexY3D6iR47wIDAQAB';

/** The id Chromium derives from the development key (checked by a unit test). */
export const DEV_EXTENSION_ID = 'anakpbjfdpnjhcmjhbemojljchgbgjni';
export const DEV_EXTENSION_ORIGIN = `chrome-extension://${DEV_EXTENSION_ID}`;
