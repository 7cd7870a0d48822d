import 'react';

// The Element Timing API's attribute: `npm run bench` reads when each step's heading
// is painted (https://w3c.github.io/element-timing/).
declare module 'react' {
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
