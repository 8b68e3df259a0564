/** The engine's Web Worker: serves the engine API to the main thread over comlink. */
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api';

Comlink.expose(createEngineApi());
