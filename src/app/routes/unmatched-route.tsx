import { UnmatchedAddressScreen } from '../../components/unmatched-address-screen';

/** An address that no route matches, and 404.html, the web server's not-found page. */
export const Component = UnmatchedAddressScreen;
