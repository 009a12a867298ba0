/**
 * The frame of every signed-in page: a top bar (wordmark, area title + area switcher, "Acting for" switcher,
 * user menu) and the area's navigation (left sidebar from 900px, a scrollable tab strip on phones).
 * Menus are <details>/<summary> so they work without JavaScript; with it they close on outside click,
 * Escape and navigation.
 */
import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode, type RefObject } from 'react'

export type Area = 'creator' | 'brand' | 'payables' | 'account'

export interface AppShellNavItem {
  to: string
  label: string
  end?: boolean
  badge?: number
}

export interface AppShellProps {
  brandName?: never
  area: Area
  /** Shown at the top-left next to the logo: the brand name, "Creator portal", … */
  title: string
  nav: AppShellNavItem[]
  user: { name: string; email: string }
  /** Every area this person can open; the switcher appears when there is more than one. */
  areas: { label: string; to: string; current: boolean }[]
  /** Agent creator switcher: "Acting for: Maya Chen ▾". */
  actingFor?: { current: { id: string; name: string }; options: { id: string; name: string; to: string }[] }
  children: ReactNode
}

/** The Greenroom leaf (decorative; pair it with the word). */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 24 24" className="logo">
      <path
        fill="currentColor"
        d="M20 3C11 3 5 8 5 15c0 1.6.4 3 1 4.2L4 21.3l1.4 1.4 2.2-2.2C8.9 21.5 10.4 22 12 22c6 0 9-6 8-19zM12 20c-1 0-2-.3-2.9-.8l6.6-6.6-1.4-1.4-6.6 6.6A6.9 6.9 0 0 1 7 15c0-5.5 4.4-9.4 11-9.9.3 8.2-2 14.9-6 14.9z"
      />
    </svg>
  )
}

function Caret() {
  return (
    <svg className="caret" aria-hidden="true" focusable="false" width="12" height="12" viewBox="0 0 12 12">
      <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts.slice(0, 1)
  return letters.map((p) => Array.from(p ?? '')[0] ?? '').join('').toUpperCase() || '?'
}

/** Close open <details> menus on navigation, outside click and Escape (progressive enhancement). */
function useMenus(root: RefObject<HTMLElement | null>) {
  const location = useLocation()
  useEffect(() => {
    root.current?.querySelectorAll<HTMLDetailsElement>('details.menu[open]').forEach((d) => d.removeAttribute('open'))
  }, [location.key, root])
  useEffect(() => {
    function onPointer(e: MouseEvent) {
      const target = e.target as Node | null
      root.current?.querySelectorAll<HTMLDetailsElement>('details.menu[open]').forEach((d) => {
        if (!target || !d.contains(target)) d.removeAttribute('open')
      })
    }
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'Escape') return
      root.current?.querySelectorAll<HTMLDetailsElement>('details.menu[open]').forEach((d) => {
        const hadFocus = d.contains(document.activeElement)
        d.removeAttribute('open')
        if (hadFocus) d.querySelector<HTMLElement>('summary')?.focus()
      })
    }
    document.addEventListener('click', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('click', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [root])
}

export function AppShell({ area, title, nav, user, areas, actingFor, children }: AppShellProps) {
  const ref = useRef<HTMLDivElement>(null)
  useMenus(ref)
  const switchable = areas.length > 1
  return (
    <div className="shell" data-area={area} ref={ref}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="wordmark" aria-label="Greenroom home">
            <Logo />
            <span className="wordmark-text">Greenroom</span>
          </Link>
          <span className="topbar-sep" aria-hidden="true" />
          {switchable ? (
            <details className="menu menu-area">
              <summary className="topbar-title">
                <span className="topbar-title-text">{title}</span>
                <span className="visually-hidden"> — switch area</span>
                <Caret />
              </summary>
              <div className="menu-panel menu-panel-start">
                <p className="menu-heading">Switch to</p>
                <ul className="menu-list">
                  {areas.map((a) => (
                    <li key={a.to}>
                      <Link to={a.to} className="menu-item" aria-current={a.current ? 'page' : undefined}>
                        {a.label}
                        {a.current ? <span className="menu-check" aria-hidden="true">✓</span> : null}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          ) : (
            <span className="topbar-title">
              <span className="topbar-title-text">{title}</span>
            </span>
          )}
          <span className="topbar-spacer" />
          {actingFor ? (
            <details className="menu menu-acting">
              <summary className="acting-summary">
                <span className="acting-label">Acting for:</span> <strong className="acting-name">{actingFor.current.name}</strong>
                <Caret />
              </summary>
              <div className="menu-panel">
                <p className="menu-heading">Act for</p>
                <ul className="menu-list">
                  {actingFor.options.map((o) => {
                    const current = o.id === actingFor.current.id
                    return (
                      <li key={o.id}>
                        <Link to={o.to} className="menu-item" aria-current={current ? 'true' : undefined}>
                          {o.name}
                          {current ? <span className="menu-check" aria-hidden="true">✓</span> : null}
                        </Link>
                      </li>
                    )
                  })}
                </ul>
              </div>
            </details>
          ) : null}
          <details className="menu menu-user">
            <summary className="user-summary">
              <span className="avatar" aria-hidden="true">
                {initials(user.name)}
              </span>
              <span className="user-name">{user.name}</span>
              <span className="visually-hidden"> — account menu</span>
              <Caret />
            </summary>
            <div className="menu-panel">
              <div className="menu-who">
                <strong>{user.name}</strong>
                <span className="muted small">{user.email}</span>
              </div>
              <ul className="menu-list">
                <li>
                  <Link to="/account" className="menu-item">
                    Account and password
                  </Link>
                </li>
              </ul>
              <Form method="post" action="/logout" className="menu-logout">
                <button type="submit" className="menu-item menu-item-button">
                  Log out
                </button>
              </Form>
            </div>
          </details>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={`${title} navigation`}>
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end} prefetch="intent" className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`}>
                  <span className="nav-link-label">{n.label}</span>
                  {n.badge ? (
                    <span className="badge">
                      {n.badge > 99 ? '99+' : n.badge}
                      <span className="visually-hidden"> waiting</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  )
}
