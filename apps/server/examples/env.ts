/** What the examples read from the environment: `STORRA_API_KEY`, the key to call the client API with. */
export const exampleEnv = {
  apiKey: process.env.STORRA_API_KEY,
}
