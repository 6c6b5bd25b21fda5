/** dialogflow-fulfillment's `Image`: a picture by URL. */
import { argumentError, describe, RichResponse, stringArgument } from './rich-response.js';
import { checkPlatform, type Platform } from './platforms.js';

export class Image extends RichResponse {
  imageUrl: string;

  /** `new Image(url)` or `new Image({ imageUrl, platform })`. */
  constructor(image: string | { imageUrl: string; platform?: Platform }) {
    super();
    if (typeof image === 'string') {
      this.imageUrl = image;
      return;
    }
    if (typeof image !== 'object' || image === null || !image.imageUrl) throw argumentError(`new Image() takes a URL or { imageUrl }, not ${describe(image)}`);
    this.imageUrl = stringArgument(image.imageUrl, 'new Image({ imageUrl })');
    this.platform = checkPlatform(image.platform, 'new Image()');
  }

  setImage(imageUrl: string): this {
    this.imageUrl = stringArgument(imageUrl, 'Image.setImage()');
    return this;
  }
}
