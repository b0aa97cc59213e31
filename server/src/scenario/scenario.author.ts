// Who wrote a scenario: the signed-in user (the same rule as annotations, in annotation/author.ts).
export { actorOf, authorOf } from '../annotation/author.js';
