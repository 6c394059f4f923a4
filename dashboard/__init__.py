"""The ita-audit dashboard (Streamlit); it only reads the store.

``app.py`` layout, navigation and error messages · ``queries.py`` SQL into
pandas (no Streamlit) · ``cache.py`` cached access keyed on the database's
fingerprint · ``views/`` one module per view · ``fmt.py`` พ.ศ. dates, status
symbols and colours, safe text · ``i18n.py`` Thai/English wording ·
``widgets.py`` shared pickers and downloads · ``exporting.py`` CSV/XLSX.
Started by :func:`ita_audit.dashboard_server.run_dashboard`.
"""
