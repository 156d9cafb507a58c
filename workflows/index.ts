// Every workflow the worker runs. One file per business process, named after it.
export { connectivityCheck } from './connectivity-check';
