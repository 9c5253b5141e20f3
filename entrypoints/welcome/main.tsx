// The first-run page, opened once when the extension is installed (entrypoints/background.ts).
// Only wiring.

import { render } from 'preact';
import { WelcomePage } from '@/components/welcome/welcome-page';

render(<WelcomePage />, document.getElementById('app')!);
