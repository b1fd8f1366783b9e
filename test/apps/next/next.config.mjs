/** The app as a production build; nothing it does reaches the network but the sandbox it is pointed at. */
export default {
  poweredByHeader: false,
  // The repository's own lockfile is above this app: this folder is the app's root.
  turbopack: { root: import.meta.dirname },
};
