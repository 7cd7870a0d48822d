import 'react';

// The Element Timing API's attribute: `npm run bench` reads when each step's heading
// is painted (https://w3c.github.io/element-timing/).
declare module 'react' {
  // Declaration merging needs the same type parameter as React's own interface.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
