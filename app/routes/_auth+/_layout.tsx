import { Link, Outlet } from '@remix-run/react'

// Public layout for sign-in, password reset and invitations: no guard (nothing private is loaded).
export default function AuthLayout() {
  return (
    <div className="auth-shell">
      <header className="auth-header">
        <Link to="/" className="wordmark" aria-label="Greenroom home">
          <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24"><path fill="currentColor" d="M20 3C11 3 5 8 5 15c0 1.6.4 3 1 4.2L4 21.3l1.4 1.4 2.2-2.2C8.9 21.5 10.4 22 12 22c6 0 9-6 8-19zM12 20c-1 0-2-.3-2.9-.8l6.6-6.6-1.4-1.4-6.6 6.6A6.9 6.9 0 0 1 7 15c0-5.5 4.4-9.4 11-9.9.3 8.2-2 14.9-6 14.9z"/></svg>
          <span>Greenroom</span>
        </Link>
      </header>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <Outlet />
        </div>
      </main>
    </div>
  )
}
