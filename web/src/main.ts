// Entry point: mounts the application shell into #app.
import { mount } from 'svelte';
import App from './App.svelte';
import './global.css';

const target = document.getElementById('app');
if (!target) throw new Error('Foresight Atlas: the #app element is missing from index.html.');

export default mount(App, { target });
