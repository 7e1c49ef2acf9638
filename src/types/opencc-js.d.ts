// Type declarations for opencc-js's raw dictionary modules, which the package ships without types.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
