import { render } from 'preact';

render(<p>Craft Beyond Code</p>, document.getElementById('app')!);
