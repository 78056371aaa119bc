/**
 * The JSON the baselines answer on the client route: the shape and size of a real
 * `/api/v1/client/users/me` answer, with no key check behind it.
 */
export const CONSTANT_BODY = {
  id: '0b6d5a44-3a1e-4a47-9a43-4c1a2f1b8e11',
  email: 'bench@example.com',
  plan: 'pro',
  created_at: '2026-01-01T00:00:00.000Z',
}
