export { InputPanel } from './InputPanel';
