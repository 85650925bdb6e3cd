/** No key is stored for the profile the current mode needs. */
export class KeyMissingError extends Error {
  constructor(message = '尚未设置 API Key，请在「设置」中填写') {
    super(message);
    this.name = 'KeyMissingError';
  }
}
